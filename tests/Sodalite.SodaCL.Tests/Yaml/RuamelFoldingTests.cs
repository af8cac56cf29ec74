// Long values in a check's configuration are folded as ruamel.yaml folds them (width 80), so definitions and identities of such
// checks match Soda's byte for byte. The expected texts are ruamel 0.17.21's own dumps of the same inputs (Yaml/Ruamel/README.md).
using System.Text;
using Sodalite.SodaCL.Yaml;
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Tests.Yaml;

public class RuamelFoldingTests
{
    private static string Data(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Yaml", "Ruamel", file));

    private static (string Header, YamlNode LineKey, YamlMappingNode Config) Check(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Data(name + ".yml")));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var (header, checks) = root.Children.Single();
        var (lineKey, config) = ((YamlMappingNode)((YamlSequenceNode)checks).Children[0]).Children.Single();
        return (((YamlScalarNode)header).Value!, lineKey, (YamlMappingNode)config);
    }

    [Theory]
    [InlineData("long")]
    [InlineData("long2")]
    [InlineData("long3")]
    [InlineData("long4")]
    [InlineData("long5")]
    [InlineData("long6")]
    [InlineData("long7")]
    public void Definitions_fold_long_values_as_ruamel_does(string name)
    {
        var (header, lineKey, config) = Check(name);
        Assert.Equal(Data(name + ".definition.expected"), RuamelEmitter.Definition(header, lineKey, config));
    }

    [Theory]
    [InlineData("long")]
    [InlineData("long2")]
    [InlineData("long3")]
    [InlineData("long4")]
    [InlineData("long5")]
    [InlineData("long6")]
    [InlineData("long7")]
    public void Identity_omaps_fold_long_values_as_ruamel_does(string name)
    {
        var (_, _, config) = Check(name);
        Assert.Equal(Data(name + ".omap.expected"), RuamelEmitter.Omap(config.Children));
    }
}
