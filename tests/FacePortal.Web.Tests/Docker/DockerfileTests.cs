using System.Text.RegularExpressions;
using FacePortal.TestSupport;

namespace FacePortal.Web.Tests.Docker;

/// <summary>
/// The two Dockerfiles and the proxy's config, read instruction by instruction (no Docker engine runs
/// here): multi-stage, models baked in from npm, an unprivileged user, the /healthz check, one image
/// for the web and the worker roles; the proxy passes WebSockets and spreads the live hub over both nodes.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string, bool> Dockerfiles => new() { { "Dockerfile", false }, { "Dockerfile.gpu", true } };

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_image_is_built_in_stages_and_runs_as_an_unprivileged_user_with_a_healthz_check(string file, bool gpu)
    {
        var stages = Stages(file);

        Assert.Equal(["assets", "build", "runtime"], stages.Select(s => s.Name));
        var runtime = stages[^1];
        Assert.Equal(gpu, runtime.From.StartsWith("nvidia/cuda:", StringComparison.Ordinal));
        var user = Assert.Single(runtime.All("USER"));
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.True(runtime.Index("USER") > runtime.Index("RUN"), "nothing runs as root after the switch");
        var healthCheck = Assert.Single(runtime.All("HEALTHCHECK"));
        Assert.Contains("http://127.0.0.1:8080/healthz", healthCheck, StringComparison.Ordinal);
        Assert.Contains("curl", Assert.Single(runtime.All("RUN")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Models_come_from_npm_at_build_time_and_are_copied_into_the_image(string file, bool gpu)
    {
        var stages = Stages(file);
        var assets = stages[0];
        var build = stages[1];
        var runtime = stages[2];

        Assert.Contains("docker/fetch-assets.sh", Assert.Single(assets.All("RUN")), StringComparison.Ordinal);
        Assert.Contains("--from=assets /src/models/onnx /app/models/onnx", runtime.All("COPY"));
        Assert.Contains("FacePortal__Models__Directory=/app/models/onnx", Assert.Single(runtime.All("ENV")), StringComparison.Ordinal);
        var publish = Assert.Single(build.All("RUN"));
        Assert.Contains("dotnet publish src/FacePortal.Web", publish, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/FacePortal.Cli", publish, StringComparison.Ordinal);
        Assert.Equal(gpu ? 2 : 0, Regex.Count(publish, "-p:FacePortalGpu=true"));
        // nuget.org serves TorchSharp-cuda-linux (our mirror does not): the GPU image trains on CUDA, both outputs alike.
        Assert.Equal(gpu ? 2 : 0, Regex.Count(publish, "-p:FacePortalCudaTraining=true -p:FacePortalCudaTrainingServed=true"));

        // The same npm packages as a checkout's set-up installs, checked against the same hashes.
        var setup = File.ReadAllText(Path.Combine(RepoLocations.Root, "scripts", "setup.sh"));
        var fetched = NpmSpec().Matches(File.ReadAllText(Path.Combine(RepoLocations.Root, "docker", "fetch-assets.sh"))).Select(m => m.Groups["spec"].Value).ToList();
        Assert.Equal(3, fetched.Count);
        Assert.All(fetched, spec => Assert.Contains($"\"{spec}\"", setup, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void One_image_is_a_web_node_by_default_and_a_worker_by_its_command(string file, bool gpu)
    {
        _ = gpu;
        var runtime = Stages(file)[^1];

        Assert.Empty(runtime.All("ENTRYPOINT"));
        Assert.Equal("[\"dotnet\", \"/app/FacePortal.Web.dll\"]", Assert.Single(runtime.All("CMD")));
        Assert.Contains("docker/faceportal /usr/local/bin/faceportal", runtime.All("COPY"));
        Assert.Contains("exec dotnet /app/faceportal.dll \"$@\"", File.ReadAllText(Path.Combine(RepoLocations.Root, "docker", "faceportal")), StringComparison.Ordinal);
        Assert.Contains("<AssemblyName>faceportal</AssemblyName>", File.ReadAllText(Path.Combine(RepoLocations.Root, "src", "FacePortal.Cli", "FacePortal.Cli.csproj")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_proxy_upgrades_websockets_and_spreads_the_live_hub_and_api_over_both_nodes_without_affinity()
    {
        var config = File.ReadAllText(Path.Combine(RepoLocations.Root, "docker", "nginx.conf"));

        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", config, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Connection $connection_upgrade;", config, StringComparison.Ordinal);
        Assert.Matches(@"map \$http_upgrade \$connection_upgrade \{\s*default upgrade;", config);
        var roundRobin = Block(config, "upstream faceportal ");
        Assert.Contains("server web-1:8080;", roundRobin, StringComparison.Ordinal);
        Assert.Contains("server web-2:8080;", roundRobin, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(ip_hash|hash|sticky)\b", roundRobin);
        Assert.Contains("proxy_pass http://faceportal;", Block(config, "location /hubs/ "), StringComparison.Ordinal);
        Assert.Contains("proxy_pass http://faceportal;", Block(config, "location / "), StringComparison.Ordinal);
        Assert.Contains("return 404;", Block(config, "location = /metrics "), StringComparison.Ordinal);
    }

    private static string Block(string config, string opening)
    {
        var start = config.IndexOf(opening + "{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{opening}{{' block");
        return config[start..config.IndexOf('}', start)];
    }

    /// <summary>The Dockerfile's stages, each with its instructions (continuation lines joined, comments dropped).</summary>
    private static List<Stage> Stages(string file)
    {
        var stages = new List<Stage>();
        var text = File.ReadAllText(Path.Combine(RepoLocations.Root, "docker", file));
        var lines = text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).Select(l => l.TrimEnd());
        foreach (var instruction in string.Join('\n', lines).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0))
        {
            var parts = instruction.Trim().Split(' ', 2);
            var (keyword, arguments) = (parts[0].ToUpperInvariant(), parts.Length > 1 ? Regex.Replace(parts[1].Trim(), " {2,}", " ") : string.Empty);
            if (keyword == "FROM")
            {
                var from = FromLine().Match(arguments);
                Assert.True(from.Success, $"{file}: every stage is named ({instruction})");
                stages.Add(new Stage(from.Groups["name"].Value, from.Groups["image"].Value, []));
            }
            else
            {
                stages[^1].Instructions.Add((keyword, arguments));
            }
        }

        return stages;
    }

    private sealed record Stage(string Name, string From, List<(string Keyword, string Arguments)> Instructions)
    {
        public List<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments).ToList();

        public int Index(string keyword) => Instructions.FindLastIndex(i => i.Keyword == keyword);
    }

    [GeneratedRegex(@"^(?<image>\S+) AS (?<name>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"fetch ""(?<spec>[^""]+@[^""]+)""")]
    private static partial Regex NpmSpec();
}
