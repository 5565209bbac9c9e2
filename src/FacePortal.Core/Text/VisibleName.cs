using System.Buffers;
using System.Globalization;
using System.Text;

namespace FacePortal.Core.Text;

/// <summary>
/// Rules for names people read (person, account and key names): what they see is what is stored,
/// and two names that look the same are the same name. Characters are judged whole (by
/// <see cref="Rune"/>), so supplementary-plane ones such as the invisible tag characters
/// (U+E0000..U+E007F) are seen for what they are, not as two harmless surrogate halves.
/// Refused: control, format and unassigned characters, bidirectional controls (U+202E
/// "right-to-left override" and friends, which reverse how the rest of a line reads), and the
/// letters and symbols that draw nothing (Hangul fillers, the blank braille pattern). Zero-width
/// joiners stay allowed between letters of the scripts and emoji sequences that need them (Persian,
/// Indic scripts, 👩‍💻), not between Latin letters, where they only make a second "Ana Maria".
/// </summary>
public static class VisibleName
{
    /// <summary>
    /// The name in Unicode NFC, every kind of space (no-break, en, ideographic...) written as one
    /// ASCII space, runs of them collapsed and outer ones trimmed, so the same-looking names compare equal.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var composed = name.Trim().Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var space = false;
        foreach (var rune in composed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator)
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(rune);
        }

        return builder.ToString();
    }

    /// <summary>Why <paramref name="name"/> cannot be shown as it is, or null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var runes = new List<Rune>(name.Length);
        var rest = name.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
            {
                return "A name cannot contain broken characters (half of a surrogate pair).";
            }

            runes.Add(rune);
            rest = rest[used..];
        }

        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            if (Rune.IsControl(rune))
            {
                return "A name cannot contain control characters.";
            }

            if (IsInvisible(rune) && !IsJoinerBetweenLetters(runes, i))
            {
                return $"A name cannot contain invisible or text-direction characters (U+{rune.Value:X4}).";
            }

            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherNotAssigned)
            {
                return $"A name cannot contain characters Unicode has not assigned (U+{rune.Value:X4}).";
            }
        }

        return null;
    }

    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || (Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator && rune.Value != ' ')
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 // Hangul fillers: letters that draw nothing
            or 0x2800 // braille pattern blank
            or 0x034F // combining grapheme joiner
            or 0x17B4 or 0x17B5 // Khmer inherent vowels, invisible on their own
            or (>= 0x180B and <= 0x180F); // Mongolian variation selectors and vowel separator

    private static bool IsInvisibleOrSpace(Rune rune) => IsInvisible(rune) || rune.Value == ' ' || Rune.IsControl(rune);

    private static bool IsJoinerBetweenLetters(List<Rune> runes, int i) =>
        runes[i].Value is 0x200C or 0x200D
        && i > 0 && i < runes.Count - 1
        && !IsInvisibleOrSpace(runes[i - 1]) && !IsInvisibleOrSpace(runes[i + 1])
        && (UsesJoiners(runes[i - 1]) || UsesJoiners(runes[i + 1]));

    /// <summary>Scripts whose letters join or break differently with a joiner, and the parts of emoji sequences.</summary>
    private static bool UsesJoiners(Rune rune) => rune.Value switch
    {
        >= 0x0600 and <= 0x08FF => true, // Arabic, Syriac, Thaana, N'Ko and Arabic extensions (Persian, Urdu)
        >= 0x0900 and <= 0x0DFF => true, // Indic scripts, Sinhala
        >= 0x1000 and <= 0x109F => true, // Myanmar
        >= 0x1780 and <= 0x18AF => true, // Khmer, Mongolian
        >= 0xFB50 and <= 0xFDFF => true, // Arabic presentation forms
        >= 0xFE70 and <= 0xFEFE => true,
        0xFE0F => true, // the emoji presentation selector inside sequences such as 🏳️‍🌈
        >= 0x1F3FB and <= 0x1F3FF => true, // skin tone modifiers
        _ => Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol,
    };
}
