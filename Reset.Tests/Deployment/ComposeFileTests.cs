using System.Text.RegularExpressions;
using Reset.Api.Cli;
using Reset.Api.Hosting;
using YamlDotNet.RepresentationModel;

namespace Reset.Tests.Deployment;

/// <summary>
/// docker-compose.yml stays in step with the image and with the settings the service reads. No
/// container engine runs here, so the file is never run: these checks are all it gets.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly ComposeFile Compose = ComposeFile.Read();
    private static readonly Dockerfile Image = Dockerfile.Read();

    [Fact]
    public void The_service_and_its_migration_run_the_image_the_Dockerfile_builds()
    {
        Compose.Service(ComposeFile.ServiceName).Text("image").ShouldBe(Image.ImageName);
        Compose.Service(ComposeFile.ServiceName).Text("build").ShouldBe(".");
        Compose.Service(ComposeFile.MigrateName).Text("image").ShouldBe(Image.ImageName);
    }

    [Fact]
    public void The_README_builds_the_image_under_the_same_name()
    {
        File.ReadAllText(Path.Combine(Fixtures.RepoRoot.Path, "README.md")).ShouldContain($"docker build -t {Image.ImageName} .");
    }

    [Fact]
    public void The_service_publishes_the_port_the_image_listens_on()
    {
        Image.UrlsPort.ShouldBe(Image.ExposedPort);
        var published = Compose.Service(ComposeFile.ServiceName).Child("ports").Strings().Select(port => port.Split(':')[^1]);
        published.ShouldContain(Image.ExposedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_health_check_is_the_images_own_probe()
    {
        Compose.Service(ComposeFile.ServiceName).Map("healthcheck").Child("test").Strings().ShouldBe(["CMD", .. Image.HealthCheck]);
    }

    [Fact]
    public void Migrations_run_once_and_the_service_starts_only_after_they_succeeded()
    {
        Compose.Service(ComposeFile.MigrateName).Child("command").Strings().ShouldBe([MigrateCommand.Name]);
        Compose.Service(ComposeFile.MigrateName).Text("restart").ShouldBe("no");
        Compose.Service(ComposeFile.MigrateName).Map("depends_on").Map("postgres").Text("condition").ShouldBe("service_healthy");
        var dependsOn = Compose.Service(ComposeFile.ServiceName).Map("depends_on");
        dependsOn.Map(ComposeFile.MigrateName).Text("condition").ShouldBe("service_completed_successfully");
        dependsOn.Map("redis").Text("condition").ShouldBe("service_healthy");
    }

    [Fact]
    public void The_servers_are_PostgreSQL_15_Redis_7_with_an_append_only_file_and_no_eviction_and_an_SMTP_catcher_with_a_web_UI()
    {
        Compose.Service("postgres").Text("image").ShouldBe("postgres:15");
        Compose.Service("redis").Text("image").ShouldStartWith("redis:7");
        // A memory limit, and never a security key (counter, replay guard, ticket) evicted to meet it.
        Compose.Service("redis").Child("command").Strings().ShouldBe(["redis-server", "--appendonly", "yes", "--maxmemory", "256mb", "--maxmemory-policy", "noeviction"]);
        Compose.Service("smtp").Text("image").ShouldStartWith("axllent/mailpit");
        Compose.Service("smtp").Child("ports").Strings().ShouldContain("8025:8025");
        var environment = Compose.Environment(ComposeFile.ServiceName);
        environment["Email__Smtp__Host"].ShouldBe("smtp");
        environment["ConnectionStrings__Redis"].ShouldStartWith("redis:");
        environment["ConnectionStrings__Postgres"].ShouldContain("Host=postgres;");
        foreach (var server in new[] { "postgres", "redis" })
        {
            Compose.Service(server).Has("healthcheck").ShouldBeTrue(server);
        }
    }

    [Fact]
    public void Every_variable_is_a_setting_the_service_reads()
    {
        foreach (var service in new[] { ComposeFile.ServiceName, ComposeFile.MigrateName })
        {
            Compose.Environment(service).Keys.Where(key => !ServiceSettings.Reads(key)).ShouldBeEmpty($"{service} sets variables the service never reads");
        }
    }

    [Fact]
    public void The_migration_gets_the_same_settings_as_the_service()
    {
        // `migrate` runs the service's configuration check before it touches the database.
        Compose.Environment(ComposeFile.MigrateName).ShouldBe(Compose.Environment(ComposeFile.ServiceName));
    }

    [Fact]
    public async Task The_service_would_start_in_Production_with_these_settings()
    {
        var problems = await ServiceSettings.ProblemsInProductionAsync(Compose.InterpolatedEnvironment(ComposeFile.ServiceName));

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Secrets_come_only_from_required_variables_of_the_env_file()
    {
        foreach (var (key, value) in Compose.Environment(ComposeFile.ServiceName).Where(pair => ServiceSettings.IsSecret(pair.Key)))
        {
            if (key.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
            {
                // A connection string may name its host literally, but never a password.
                LiteralPassword().IsMatch(value).ShouldBeFalse($"{key} holds a literal password");
            }
            else
            {
                RequiredVariable().IsMatch(value).ShouldBeTrue($"{key} must be ${{VARIABLE:?message}}, not a literal");
            }
        }
    }

    [Fact]
    public void Every_required_variable_is_explained_in_the_example_env_file_without_a_value()
    {
        var example = File.ReadAllLines(ComposeFile.EnvExamplePath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
        var required = Compose.Services.Children.Values
            .Where(service => ((YamlMappingNode)service).Has("environment"))
            .SelectMany(service => ((YamlMappingNode)service).Child("environment").Pairs().Values)
            .SelectMany(ComposeFile.VariablesIn)
            .Where(variable => variable.Operator == "?")
            .Select(variable => variable.Name)
            .Distinct()
            .ToList();

        required.ShouldNotBeEmpty();
        example.Keys.ShouldBe(required, ignoreOrder: true);
        example.Values.ShouldAllBe(value => value.Length == 0);
    }

    [Fact]
    public void Compose_waits_longer_than_the_shutdown_timeout_before_it_kills_the_service()
    {
        var environment = Compose.InterpolatedEnvironment(ComposeFile.ServiceName);
        var shutdown = environment.TryGetValue("Host__ShutdownTimeout", out var text) ? TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : new ShutdownOptions().ShutdownTimeout;

        ComposeFile.Duration(Compose.Service(ComposeFile.ServiceName).Text("stop_grace_period")).ShouldBeGreaterThan(shutdown);
    }

    [Fact]
    public void The_service_runs_on_a_read_only_file_system()
    {
        Compose.Service(ComposeFile.ServiceName).Text("read_only").ShouldBe("true");
        Compose.Service(ComposeFile.ServiceName).Child("tmpfs").Strings().ShouldContain("/tmp");
    }

    [GeneratedRegex(@"(?i)password=(?!\$\{\w+:\?)")]
    private static partial Regex LiteralPassword();

    [GeneratedRegex(@"^\$\{\w+:\?[^}]+\}$")]
    private static partial Regex RequiredVariable();
}
