using FacePortal.Core.Text;

namespace FacePortal.Core.Tests.Text;

public sealed class VisibleNameTests
{
    [Theory]
    [InlineData("Ana\u202Egnp.exe", "U+202E")]
    [InlineData("Ana\u200BMaria", "U+200B")]
    [InlineData("\uFEFFAna", "U+FEFF")]
    [InlineData("Ana\u2066x\u2069", "U+2066")]
    [InlineData("Ana\u200D", "U+200D")]
    [InlineData("Ana\u200DMaria", "U+200D")]
    [InlineData("Ana\u200CMaria", "U+200C")]
    [InlineData("Ana\U000E0041\U000E0042", "U+E0041")]
    [InlineData("\U000E0041\U000E0064\U000E006D\U000E0069\U000E006E", "U+E0041")]
    [InlineData("Ana\u3164Maria", "U+3164")]
    [InlineData("\u3164", "U+3164")]
    [InlineData("Ana\u2800", "U+2800")]
    [InlineData("Ana\uFFA0Maria", "U+FFA0")]
    [InlineData("A\u034Fna", "U+034F")]
    [InlineData("Ana\u2028Maria", "U+2028")]
    [InlineData("Ana\U0001D173", "U+1D173")]
    public void Invisible_and_direction_characters_are_refused_by_code_point(string name, string codePoint)
    {
        var problem = VisibleName.Problem(VisibleName.Normalize(name));

        Assert.NotNull(problem);
        Assert.Contains(codePoint, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zoë Ünicode")]
    [InlineData("José O'Neil-Smith")]
    [InlineData("می\u200Cخواهم")]
    [InlineData("क्\u200Dष")]
    [InlineData("Ana 👩\u200D💻")]
    [InlineData("Pride 🏳\uFE0F\u200D🌈")]
    [InlineData("李小龙")]
    [InlineData("𠜎𠜱 Supplementary Han")]
    public void Real_names_pass(string name) => Assert.Null(VisibleName.Problem(VisibleName.Normalize(name)));

    [Fact]
    public void Control_characters_are_refused() => Assert.Equal("A name cannot contain control characters.", VisibleName.Problem("Ana\tMaria"));

    [Fact]
    public void A_lone_surrogate_is_refused() =>
        Assert.Equal("A name cannot contain broken characters (half of a surrogate pair).", VisibleName.Problem("Ana\uD800Maria"));

    [Fact]
    public void An_unassigned_code_point_is_refused() => Assert.Contains("U+0378", VisibleName.Problem("Ana\u0378"), StringComparison.Ordinal);

    [Fact]
    public void Normalizing_trims_and_composes_so_look_alikes_compare_equal() =>
        Assert.Equal("Zo\u00EB", VisibleName.Normalize("  Zoe\u0308 "));

    [Theory]
    [InlineData("Ana\u00A0Maria")]
    [InlineData("Ana\u2002Maria")]
    [InlineData("Ana\u3000Maria")]
    [InlineData("Ana  Maria")]
    [InlineData("Ana \u00A0 \u2009Maria")]
    [InlineData("\u00A0Ana Maria\u2002")]
    public void Every_kind_and_run_of_space_is_one_ascii_space(string name) => Assert.Equal("Ana Maria", VisibleName.Normalize(name));
}
