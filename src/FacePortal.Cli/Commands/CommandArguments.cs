namespace FacePortal.Cli.Commands;

/// <summary>"--name value" and "--flag" options after the command name.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CommandArguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _options[pending] = null;
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                _options[pending] = arg;
                pending = null;
            }
            else
            {
                throw new CommandLineException($"Unexpected argument '{arg}'.");
            }
        }

        if (pending is not null)
        {
            _options[pending] = null;
        }
    }

    public string Required(string name) =>
        _options.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw new CommandLineException($"--{name} is required.");

    public string? Optional(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public int Int(string name, int fallback)
    {
        var value = Optional(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, out var parsed) && parsed > 0
            ? parsed
            : throw new CommandLineException($"--{name} must be a positive whole number, not '{value}'.");
    }

    public double Double(string name, double fallback)
    {
        var value = Optional(name);
        if (value is null)
        {
            return fallback;
        }

        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new CommandLineException($"--{name} must be a number, not '{value}'.");
    }

    public bool Flag(string name) => _options.ContainsKey(name);
}

public sealed class CommandLineException(string message) : Exception(message);
