namespace FacePortal.Core.Hosting;

/// <summary>A start-up check found something a person can fix (a setting that cannot work for this node); the message is the one line to print.</summary>
public sealed class StartupCheckException(string message) : Exception(message);
