namespace FacePortal.Cli.Commands;

/// <summary>The image files of a folder, by extension, in a stable order.</summary>
public static class ImageFolder
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".bmp" };

    public static IReadOnlyList<string> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CommandLineException($"Folder '{directory}' does not exist.");
        }

        return Directory.EnumerateFiles(directory)
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
