namespace FacePortal.Cli.Commands;

/// <summary>The image files of a folder, by extension, in a stable order.</summary>
public static class ImageFolder
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".bmp" };

    /// <summary>Whether a file is an image by its extension: the one list every command reads photos by.</summary>
    public static bool IsImage(string file) => Extensions.Contains(Path.GetExtension(file));

    public static IReadOnlyList<string> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CommandLineException($"Folder '{directory}' does not exist.");
        }

        return Directory.EnumerateFiles(directory)
            .Where(IsImage)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
