using System.Text.RegularExpressions;
using FacePortal.TestSupport;
using YamlDotNet.RepresentationModel;

namespace FacePortal.Web.Tests.Docker;

/// <summary>
/// docker/compose.yaml, read as compose would read it (no Docker engine runs here): the services of the
/// scaled-out layout, what each runs, what they share, and that every setting and secret is real.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] WebNodes = ["web-1", "web-2"];
    private static readonly string[] Workers = ["worker", "worker-gpu"];

    private readonly YamlMappingNode _services;
    private readonly YamlMappingNode _root;

    public ComposeFileTests()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoLocations.Root, "docker", "compose.yaml")))
        {
            yaml.Load(reader);
        }

        _root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        _services = Map(_root, "services");
    }

    [Fact]
    public void It_has_the_engines_two_web_nodes_a_proxy_and_the_workers()
    {
        Assert.Equal(
            ["postgres", "proxy", "redis", "web-1", "web-2", "worker", "worker-gpu"],
            _services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.StartsWith("postgres:", Scalar(Service("postgres"), "image"), StringComparison.Ordinal);
        Assert.StartsWith("redis:", Scalar(Service("redis"), "image"), StringComparison.Ordinal);
        Assert.NotNull(Find(Service("postgres"), "healthcheck", "test"));
        Assert.NotNull(Find(Service("redis"), "healthcheck", "test"));
    }

    [Fact]
    public void Web_nodes_run_the_images_default_command_with_its_health_check_and_take_no_training_jobs()
    {
        foreach (var name in WebNodes)
        {
            var node = Service(name);
            Assert.Null(Find(node, "command"));
            Assert.Null(Find(node, "entrypoint"));
            Assert.Null(Find(node, "healthcheck"));
            Assert.Null(Find(node, "ports"));
            var environment = Environment(node);
            Assert.Equal("false", environment["FacePortal__Jobs__RunInWeb"]);
            Assert.Equal("Postgres", environment["Database__Provider"]);
            Assert.Equal("Postgres", environment["FacePortal__Jobs__Storage"]);
            Assert.StartsWith("redis:6379", environment["FacePortal__Redis__Configuration"], StringComparison.Ordinal);
            Assert.Equal(["postgres", "redis"], DependsOn(node).Where(d => d is "postgres" or "redis").Order(StringComparer.Ordinal));
            Assert.Equal("faceportal:latest", Scalar(node, "image"));
        }

        Assert.Equal("docker/Dockerfile", Scalar(Map(Service("web-1"), "build"), "dockerfile"));
    }

    [Fact]
    public void Workers_run_the_same_images_as_faceportal_worker_and_the_gpu_one_is_an_optional_profile_with_a_device()
    {
        foreach (var name in Workers)
        {
            var worker = Service(name);
            Assert.Equal(["faceportal", "worker"], Sequence(worker, "command"));
            Assert.True(int.Parse(Environment(worker)["FacePortal__Jobs__TrainingWorkers"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal("true", Scalar(Map(worker, "healthcheck"), "disable"));
        }

        Assert.Equal("faceportal:latest", Scalar(Service("worker"), "image"));
        Assert.Null(Find(Service("worker"), "profiles"));
        var gpu = Service("worker-gpu");
        Assert.Equal(["gpu"], Sequence(gpu, "profiles"));
        Assert.Equal("docker/Dockerfile.gpu", Scalar(Map(gpu, "build"), "dockerfile"));
        var device = (YamlMappingNode)((YamlSequenceNode)Find(gpu, "deploy", "resources", "reservations", "devices")!).Children.Single();
        Assert.Equal("nvidia", Scalar(device, "driver"));
        Assert.Contains("gpu", Sequence(device, "capabilities"));
    }

    [Fact]
    public void Every_node_and_worker_shares_one_data_volume_at_its_data_directory()
    {
        Assert.Contains("data", Map(_root, "volumes").Children.Keys.Select(k => k.ToString()));
        foreach (var name in WebNodes.Concat(Workers))
        {
            var service = Service(name);
            var dataDirectory = Environment(service)["FacePortal__DataDirectory"];
            Assert.Contains($"data:{dataDirectory}", Sequence(service, "volumes"));
        }
    }

    [Fact]
    public void Only_the_proxy_is_published_and_it_uses_the_nginx_config_beside_the_file()
    {
        var proxy = Service("proxy");
        Assert.StartsWith("nginx:", Scalar(proxy, "image"), StringComparison.Ordinal);
        Assert.Equal(["8080:8080"], Sequence(proxy, "ports"));
        Assert.Contains("./nginx.conf:/etc/nginx/nginx.conf:ro", Sequence(proxy, "volumes"));
        Assert.Equal(WebNodes, DependsOn(proxy).Order(StringComparer.Ordinal));
        Assert.Single(_services.Children.Values, s => Find((YamlMappingNode)s, "ports") is not null);
    }

    [Fact]
    public void Every_setting_the_nodes_and_workers_are_given_is_one_the_app_reads_with_a_value_it_accepts()
    {
        foreach (var name in WebNodes.Concat(Workers))
        {
            foreach (var (key, value) in Environment(Service(name)))
            {
                var bound = BoundSettings.IsBound(key, out var property);
                Assert.True(bound, $"{name}: the app reads no setting called {key}");
                Assert.True(BoundSettings.Accepts(property, value), $"{name}: {key}={value} is not a value {property?.PropertyType.Name} takes");
            }
        }
    }

    [Fact]
    public void No_secret_is_written_in_the_file_each_comes_from_a_required_environment_variable()
    {
        var text = File.ReadAllText(Path.Combine(RepoLocations.Root, "docker", "compose.yaml"));
        foreach (Match password in PasswordInConnectionString().Matches(text))
        {
            Assert.Matches(BoundSettings.RequiredVariable(), password.Groups["value"].Value);
        }

        var secrets = 0;
        foreach (var service in _services.Children.Values.Cast<YamlMappingNode>())
        {
            foreach (var (key, value) in Environment(service))
            {
                if (SecretName().IsMatch(key))
                {
                    secrets++;
                    Assert.Matches(BoundSettings.RequiredVariable(), value);
                }
            }
        }

        Assert.True(secrets >= 4, "the database, Redis, the first admin and the metrics token are secrets");
    }

    private YamlMappingNode Service(string name) => Map(_services, name);

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    private static YamlNode? Find(YamlMappingNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        Find(service, "environment") is YamlMappingNode environment
            ? environment.Children.ToDictionary(e => e.Key.ToString(), e => ((YamlScalarNode)e.Value).Value ?? string.Empty)
            : [];

    private static List<string> DependsOn(YamlMappingNode service) => Find(service, "depends_on") switch
    {
        YamlMappingNode map => map.Children.Keys.Select(k => k.ToString()).ToList(),
        YamlSequenceNode list => list.Children.Select(c => c.ToString()).ToList(),
        _ => [],
    };

    [GeneratedRegex(@"(?<![A-Za-z_])Password=(?<value>\$\{[^}]*\}|[^;""]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();

    [GeneratedRegex("(PASSWORD|TOKEN|SECRET|AUTH)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
