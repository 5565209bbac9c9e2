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
    public void Invisible_and_direction_characters_are_refused_by_code_point(string name, string codePoint)
    {
        var problem = VisibleName.Problem(name);

        Assert.NotNull(problem);
        Assert.Contains(codePoint, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zoë Ünicode")]
    [InlineData("José O'Neil-Smith")]
    [InlineData("می\u200Cخواهم")]
    [InlineData("李小龙")]
    public void Real_names_pass(string name) => Assert.Null(VisibleName.Problem(name));

    [Fact]
    public void Control_characters_are_refused() => Assert.Equal("A name cannot contain control characters.", VisibleName.Problem("Ana\tMaria"));

    [Fact]
    public void Normalizing_trims_and_composes_so_look_alikes_compare_equal() =>
        Assert.Equal("Zo\u00EB", VisibleName.Normalize("  Zoe\u0308 "));
}
