using System.Security.Cryptography;
using System.Text;

namespace FacePortal.Core.Applications;

/// <summary>
/// The key a caller sends: <c>fpk_</c>, an 8-character public prefix, <c>_</c>, and 32 random bytes
/// (base64url). Only a salted SHA-256 of the secret is stored. A slow password hash would add
/// nothing here: 256 random bits cannot be guessed or looked up in a table, and the salt keeps two
/// rows from ever sharing a hash. A fast hash also keeps the per-request check cheap.
/// </summary>
public static class ApplicationKeySecret
{
    public const string Marker = "fpk_";
    public const int PrefixLength = 8;
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;
    private const string PrefixAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>A fresh key: the text to show once, and what to store.</summary>
    public static (string Key, string Prefix, byte[] Salt, byte[] Hash) Create()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return ($"{Marker}{prefix}_{secret}", prefix, salt, Hash(salt, secret));
    }

    /// <summary>The prefix and secret of a key as sent, or null when it is not shaped like one of ours.</summary>
    public static (string Prefix, string Secret)? Parse(string? key)
    {
        if (key is null || !key.StartsWith(Marker, StringComparison.Ordinal) || key.Length != Marker.Length + PrefixLength + 1 + 43
            || key[Marker.Length + PrefixLength] != '_')
        {
            return null;
        }

        return (key.Substring(Marker.Length, PrefixLength), key[(Marker.Length + PrefixLength + 1)..]);
    }

    public static bool Matches(string secret, byte[] salt, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), hash);

    private static byte[] Hash(byte[] salt, string secret)
    {
        var bytes = Encoding.ASCII.GetBytes(secret);
        var salted = new byte[salt.Length + bytes.Length];
        salt.CopyTo(salted, 0);
        bytes.CopyTo(salted, salt.Length);
        return SHA256.HashData(salted);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
