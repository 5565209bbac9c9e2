using System.Globalization;
using System.Text;

namespace FacePortal.Core.Text;

/// <summary>
/// Rules for names people read (person and account names): what they see is what is stored.
/// Invisible format characters (zero-width spaces, byte-order marks) and bidirectional controls
/// (U+202E "right-to-left override" and friends) are refused, because they make one name look
/// like another or reverse how the rest of a line reads. Zero-width joiners stay allowed between
/// letters, where scripts such as Persian and emoji sequences need them.
/// </summary>
public static class VisibleName
{
    /// <summary>The name in Unicode NFC with outer spaces trimmed, so the same-looking names compare equal.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Why <paramref name="name"/> cannot be shown as it is, or null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c))
            {
                return "A name cannot contain control characters.";
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && !IsJoinerBetweenLetters(name, i))
            {
                return $"A name cannot contain invisible or text-direction characters (U+{(int)c:X4}).";
            }
        }

        return null;
    }

    private static bool IsJoinerBetweenLetters(string name, int i) =>
        name[i] is '\u200C' or '\u200D'
        && i > 0 && i < name.Length - 1
        && !char.IsWhiteSpace(name[i - 1]) && !char.IsWhiteSpace(name[i + 1])
        && CharUnicodeInfo.GetUnicodeCategory(name[i - 1]) != UnicodeCategory.Format
        && CharUnicodeInfo.GetUnicodeCategory(name[i + 1]) != UnicodeCategory.Format;
}
