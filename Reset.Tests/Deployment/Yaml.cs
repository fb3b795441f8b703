using YamlDotNet.RepresentationModel;

namespace Reset.Tests.Deployment;

/// <summary>Reads YAML files as node trees (aliases resolved), with the few look-ups the deployment tests need.</summary>
internal static class Yaml
{
    /// <summary>Every document of a file; a syntax error fails the test that reads it, with the line.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList();
    }

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        (YamlMappingNode)node.Child(key);

    public static YamlSequenceNode Seq(this YamlNode node, string key) =>
        (YamlSequenceNode)node.Child(key);

    public static string Text(this YamlNode node, string key) =>
        ((YamlScalarNode)node.Child(key)).Value!;

    public static int Number(this YamlNode node, string key) =>
        int.Parse(node.Text(key), System.Globalization.CultureInfo.InvariantCulture);

    public static bool Has(this YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    public static YamlNode Child(this YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new KeyNotFoundException($"No '{key}' at line {node.Start.Line}.");

    /// <summary>A mapping's scalar entries as a dictionary (environment, ConfigMap data, labels).</summary>
    public static Dictionary<string, string> Pairs(this YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!,
            pair => ((YamlScalarNode)pair.Value).Value ?? "");

    public static IEnumerable<string> Strings(this YamlNode node) =>
        ((YamlSequenceNode)node).Children.Select(child => ((YamlScalarNode)child).Value!);
}
