namespace Reset.Infrastructure.Localization;

/// <summary>
/// Spans of time as customers read them. Ukrainian and Russian forms are the accusative, which fits
/// both "works for 10 minutes" (діє 10 хвилин, действует 10 минут) and "in 5 minutes" (через 5 хвилин, через 5 минут).
/// </summary>
public static class Units
{
    public static readonly Plural Seconds = new(
        en: ["{n} second", "{n} seconds"],
        uk: ["{n} секунду", "{n} секунди", "{n} секунд"],
        ru: ["{n} секунду", "{n} секунды", "{n} секунд"]);

    public static readonly Plural Minutes = new(
        en: ["{n} minute", "{n} minutes"],
        uk: ["{n} хвилину", "{n} хвилини", "{n} хвилин"],
        ru: ["{n} минуту", "{n} минуты", "{n} минут"]);

    public static readonly Plural Hours = new(
        en: ["{n} hour", "{n} hours"],
        uk: ["{n} годину", "{n} години", "{n} годин"],
        ru: ["{n} час", "{n} часа", "{n} часов"]);

    /// <summary>A wait, rounded up to a unit a person reads at a glance: seconds up to 90, then minutes up to 90, then hours.</summary>
    public static Text Wait(TimeSpan wait)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        if (seconds <= 90)
        {
            return Seconds.Of(seconds);
        }

        var minutes = (seconds + 59) / 60;
        return minutes <= 90 ? Minutes.Of(minutes) : Hours.Of((minutes + 59) / 60);
    }
}
