using Reset.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace Reset.Tests.Deployment;

/// <summary>deploy/k8s: every document of every file, found by kind.</summary>
internal sealed class KubernetesManifests
{
    public const string SecretName = "reset-service-secrets";

    private KubernetesManifests(IReadOnlyList<(string File, YamlMappingNode Document)> documents) => Documents = documents;

    public static string Folder => Path.Combine(RepoRoot.Path, "deploy", "k8s");

    public IReadOnlyList<(string File, YamlMappingNode Document)> Documents { get; }

    public static KubernetesManifests Read() =>
        new([.. Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(file => Yaml.Documents(file).Select(document => (Path.GetFileName(file), document)))]);

    public YamlMappingNode Single(string kind) => Documents.Single(entry => entry.Document.Text("kind") == kind).Document;

    public YamlMappingNode Deployment => Single("Deployment");

    public YamlMappingNode PodSpec => Deployment.Map("spec").Map("template").Map("spec");

    public Dictionary<string, string> PodLabels => Deployment.Map("spec").Map("template").Map("metadata").Child("labels").Pairs();

    public YamlMappingNode Container => (YamlMappingNode)PodSpec.Seq("containers").Single();

    public YamlMappingNode InitContainer => (YamlMappingNode)PodSpec.Seq("initContainers").Single();

    public YamlMappingNode ContainerNamed(string name) =>
        PodSpec.Seq("containers").Children.Concat(PodSpec.Seq("initContainers").Children).Cast<YamlMappingNode>().Single(container => container.Text("name") == name);

    public Dictionary<string, string> ConfigMapData => Single("ConfigMap").Child("data").Pairs();

    /// <summary>Variables a container sets one by one (name → the node saying where its value comes from).</summary>
    public static Dictionary<string, YamlMappingNode> EnvOf(YamlMappingNode container) =>
        container.Has("env")
            ? container.Seq("env").Children.Cast<YamlMappingNode>().ToDictionary(entry => entry.Text("name"), entry => entry)
            : [];

    /// <summary>
    /// What the container's environment would be: the ConfigMap it takes whole, plus its own
    /// variables, a Secret's value replaced by a stand-in of the right shape.
    /// </summary>
    public Dictionary<string, string> EnvironmentOf(YamlMappingNode container)
    {
        var environment = new Dictionary<string, string>(ConfigMapData);
        foreach (var (name, entry) in EnvOf(container))
        {
            environment[name] = entry.Has("value") ? entry.Text("value") : ServiceSettings.StandInFor(name);
        }

        return environment;
    }
}
