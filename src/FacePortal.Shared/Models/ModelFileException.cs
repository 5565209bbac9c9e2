namespace FacePortal.Shared.Models;

/// <summary>A model file is missing or not the pinned one; the message names the file and how to restore it.</summary>
public sealed class ModelFileException(string fileName, string message) : Exception(message)
{
    public string FileName { get; } = fileName;
}
