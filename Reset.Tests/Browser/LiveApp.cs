using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Reset.Tests.Fixtures;
using Reset.Tests.HumanCheck;

namespace Reset.Tests.Browser;

/// <summary>
/// The journey's service (real PostgreSQL, Redis and SMTP) on a real Kestrel port of 127.0.0.1, so a
/// browser can reach it: the in-memory test server has no socket. The built-in ALTCHA check is on,
/// at the tests' low difficulty, and so is the /demo page.
/// </summary>
public sealed class LiveApp : JourneyApp
{
    public LiveApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the service listens, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["HumanCheck:Provider"] = "altcha";
        Settings["HumanCheck:Secret"] = AltchaApp.Secret;
        Settings["HumanCheck:Altcha:Cost"] = AltchaApp.Cost.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["HumanCheck:Altcha:MaxCounter"] = AltchaApp.MaxCounter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Demo:Enabled"] = "true";
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single();
    }
}
