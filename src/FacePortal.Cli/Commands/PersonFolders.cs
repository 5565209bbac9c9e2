namespace FacePortal.Cli.Commands;

/// <summary>
/// A folder with one sub-folder of photos per person, in name order; <c>--people 1-16</c> keeps a range of them
/// (1-based, inclusive), so one part of a data set can be fitted and another checked.
/// </summary>
public sealed record PersonFolders(string Root, IReadOnlyList<string> People, IReadOnlyList<(string Person, string File)> Photos)
{
    public static PersonFolders Read(string root, string? range = null)
    {
        if (!Directory.Exists(root))
        {
            throw new CommandLineException($"Folder '{root}' does not exist.");
        }

        var people = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (range is not null)
        {
            var (from, to) = ParseRange(range, people.Count);
            people = people.GetRange(from - 1, to - from + 1);
        }

        var photos = people.SelectMany(p => ImageFolder.List(Path.Combine(root, p)).Select(f => (p, Path.Combine(p, Path.GetFileName(f))))).ToList();
        if (photos.Count == 0)
        {
            throw new CommandLineException($"'{root}' has no person folders with photos in them.");
        }

        return new PersonFolders(root, people, photos);
    }

    private static (int From, int To) ParseRange(string range, int count)
    {
        var parts = range.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out var from) && int.TryParse(parts[1], out var to) && from >= 1 && to >= from && to <= count)
        {
            return (from, to);
        }

        throw new CommandLineException($"--people must be a range like 1-16 within 1-{count}, not '{range}'.");
    }
}
