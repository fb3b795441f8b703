namespace Reset.Bench.Tools;

/// <summary>Follows the SMTP sink's file: the latest code each recipient got, and how many code e-mails arrived.</summary>
internal sealed class CodeMailbox(string path)
{
    private readonly Dictionary<string, string> _latest = new(StringComparer.OrdinalIgnoreCase);
    private long _offset;

    public int CodeCount { get; private set; }

    public void Refresh()
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var rest = reader.ReadToEnd();
        var complete = rest.LastIndexOf('\n') + 1;
        _offset += System.Text.Encoding.UTF8.GetByteCount(rest.AsSpan(0, complete));
        foreach (var line in rest[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (to, code) = (line.Split('\t')[0], line.Split('\t')[1]);
            if (code != "-")
            {
                _latest[to] = code;
                CodeCount++;
            }
        }
    }

    public string? CodeFor(string address) => _latest.GetValueOrDefault(address);

    /// <summary>Until <paramref name="count"/> code e-mails arrived in all; false if that took longer than the timeout.</summary>
    public async Task<bool> WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (Refresh(); CodeCount < count; Refresh())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }

        return true;
    }
}
