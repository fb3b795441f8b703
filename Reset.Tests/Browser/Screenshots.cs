using Microsoft.Playwright;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Browser;

/// <summary>
/// Saves a browser test's steps as PNGs: into var/test/screenshots on every run, and into
/// docs/screenshots (committed, shown in README) when RESET_UPDATE_SCREENSHOTS=1, as
/// scripts/update-screenshots.sh sets it.
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepoRoot.Path,
        Environment.GetEnvironmentVariable("RESET_UPDATE_SCREENSHOTS") == "1" ? "docs/screenshots" : "var/test/screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        // No hover effect on whatever was clicked last.
        await page.Mouse.MoveAsync(0, 0);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        // PNG's signature: a picture was taken, not an empty file.
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
    }
}
