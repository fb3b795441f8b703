using System.Net;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Deployment;

/// <summary>Every path the Dockerfile, docker-compose.yml and the manifests probe or scrape answers 200 from the real service.</summary>
public sealed class ProbeEndpointTests(ResetApp app) : IClassFixture<ResetApp>
{
    public const string ReadyPath = "/health/ready";

    public static TheoryData<string> PathsTheFilesAsk()
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal)
        {
            new Uri(Dockerfile.Read().HealthCheck[^1]).AbsolutePath,
            new Uri(ComposeFile.Read().Service(ComposeFile.ServiceName).Map("healthcheck").Child("test").Strings().Last()).AbsolutePath,
        };
        var k8s = KubernetesManifests.Read();
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            paths.Add(k8s.Container.Map(probe).Map("httpGet").Text("path"));
        }

        paths.Add(k8s.Deployment.Map("spec").Map("template").Map("metadata").Child("annotations").Pairs()["prometheus.io/path"]);
        return [.. paths];
    }

    [Theory]
    [MemberData(nameof(PathsTheFilesAsk))]
    public async Task The_service_answers_200_on_the_path(string path)
    {
        using var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
