namespace FacePortal.Shared.Evaluation;

/// <summary>Two image files and whether they show the same person.</summary>
public sealed record LabelledPair(string FileX, string FileY, bool Same)
{
    /// <summary>Reads the <c>file_x,file_y,Decision</c> CSV (Decision: Yes or No) used by deepface's test set.</summary>
    public static IReadOnlyList<LabelledPair> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Replace(" ", "", StringComparison.Ordinal).StartsWith("file_x,file_y,Decision", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{path}' must start with the header file_x,file_y,Decision.");
        }

        var pairs = new List<LabelledPair>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',', StringSplitOptions.TrimEntries);
            if (cells.Length < 3)
            {
                throw new FormatException($"'{path}' line {i + 1}: expected three columns.");
            }

            var same = cells[2].ToUpperInvariant() switch
            {
                "YES" => true,
                "NO" => false,
                _ => throw new FormatException($"'{path}' line {i + 1}: Decision must be Yes or No, not '{cells[2]}'."),
            };
            pairs.Add(new LabelledPair(cells[0], cells[1], same));
        }

        return pairs;
    }
}
