using System.Reflection;

namespace Reset.Infrastructure.Redis;

/// <summary>The Lua scripts beside this file, embedded in the assembly. StackExchange.Redis sends
/// each once and then calls it by its SHA.</summary>
internal static class LuaScripts
{
    public static readonly string CreateTicket = Load("create_ticket.lua");
    public static readonly string ListTicket = Load("list_ticket.lua");
    public static readonly string RequestCode = Load("request_code.lua");
    public static readonly string ReleaseCodeRequest = Load("release_code_request.lua");
    public static readonly string IssueCode = Load("issue_code.lua");
    public static readonly string WithdrawCode = Load("withdraw_code.lua");
    public static readonly string BeginAttempt = Load("begin_attempt.lua");
    public static readonly string CheckCode = Load("check_code.lua");
    public static readonly string FinishVerification = Load("finish_verification.lua");
    public static readonly string CountSubmission = Load("count_submission.lua");
    public static readonly string UncountSubmission = Load("uncount_submission.lua");
    public static readonly string ConsumeToken = Load("consume_token.lua");
    public static readonly string RestoreToken = Load("restore_token.lua");
    public static readonly string RateLimit = Load("rate_limit.lua");
    public static readonly string RateLimitNested = Load("rate_limit_nested.lua");
    public static readonly string ClaimSupport = Load("claim_support.lua");
    public static readonly string ReleaseSupport = Load("release_support.lua");

    private static string Load(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream("Reset.Infrastructure.Redis.Scripts." + name)
            ?? throw new InvalidOperationException($"Embedded Lua script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
