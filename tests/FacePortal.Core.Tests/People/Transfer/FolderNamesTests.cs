using FacePortal.Core.People;
using FacePortal.Core.People.Transfer;

namespace FacePortal.Core.Tests.People.Transfer;

public sealed class FolderNamesTests
{
    [Theory]
    [InlineData("Ana / Export", "Ana _ Export")]
    [InlineData("..", "person")]
    [InlineData("a\\b:c*d?e", "a_b_c_d_e")]
    [InlineData("  Zoë O'Brien  ", "Zoë O'Brien")]
    public void Person_names_become_safe_folder_names(string name, string folder) =>
        Assert.Equal(folder, FolderNames.From(name));

    [Theory]
    [InlineData("", "Enter a name.")]
    [InlineData("   ", "Enter a name.")]
    [InlineData("tab\there", "A name cannot contain control characters.")]
    [InlineData("Grace Hopper", null)]
    public void Names_are_validated_with_a_message(string name, string? error) =>
        Assert.Equal(error, PeopleService.ValidateName(name));

    [Fact]
    public void Names_longer_than_the_limit_are_refused() =>
        Assert.Equal("A name can have at most 100 characters.", PeopleService.ValidateName(new string('x', 101)));
}
