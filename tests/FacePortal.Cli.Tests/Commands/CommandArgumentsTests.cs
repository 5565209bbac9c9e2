using FacePortal.Cli.Commands;

namespace FacePortal.Cli.Tests.Commands;

public sealed class CommandArgumentsTests
{
    [Fact]
    public void Reads_options_and_flags()
    {
        var args = new CommandArguments(["--images", "dir", "--verbose", "--runs", "12"]);

        Assert.Equal("dir", args.Required("images"));
        Assert.True(args.Flag("verbose"));
        Assert.Equal(12, args.Int("runs", 300));
        Assert.Equal(5, args.Int("seconds", 5));
        Assert.Null(args.Optional("out"));
    }

    [Fact]
    public void Missing_and_malformed_options_say_which()
    {
        var args = new CommandArguments(["--runs", "many"]);

        Assert.Contains("--images is required", Assert.Throws<CommandLineException>(() => args.Required("images")).Message, StringComparison.Ordinal);
        Assert.Contains("--runs must be a positive whole number", Assert.Throws<CommandLineException>(() => args.Int("runs", 1)).Message, StringComparison.Ordinal);
        Assert.Throws<CommandLineException>(() => new CommandArguments(["stray"]));
    }
}
