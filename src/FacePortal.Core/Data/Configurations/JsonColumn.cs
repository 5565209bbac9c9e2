using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FacePortal.Core.Data.Configurations;

/// <summary>
/// Stores a value as JSON text in one column. The options are System.Text.Json's defaults
/// (PascalCase names, enums as numbers) because rows written before this mapping existed used
/// exactly those, and must keep reading back.
/// </summary>
internal static class JsonColumn
{
    public static ValueConverter<T, string> Converter<T>()
        where T : class? =>
        new(value => Write(value), json => Read<T>(json));

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Default);

    public static T Read<T>(string json)
        where T : class? =>
        JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Default)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");
}
