namespace FacePortal.Core.People.Transfer;

/// <summary>Person names as folder names that every file system and zip tool accepts.</summary>
public static class FolderNames
{
    private static readonly char[] Forbidden = [.. Path.GetInvalidFileNameChars(), '/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    public static string From(string name)
    {
        var chars = name.Select(c => Array.IndexOf(Forbidden, c) >= 0 || char.IsControl(c) ? '_' : c).ToArray();
        var folder = new string(chars).Trim().Trim('.').Trim();
        return folder.Length == 0 ? "person" : folder;
    }
}
