using Bunit;
using FacePortal.Web.Components.Shared;
using MudBlazor;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class StatCardTests : BunitContext
{
    [Fact]
    public void A_figure_shows_its_label_its_value_under_the_given_id_and_what_it_means()
    {
        var card = Render<StatCard>(p => p
            .Add(c => c.Label, "Warm-up inference")
            .Add(c => c.Icon, Icons.Material.Filled.Timer)
            .Add(c => c.ValueId, "warmup-time")
            .Add(c => c.Value, "412.0 ms")
            .AddChildContent("First run of all three models"));

        Assert.Contains("Warm-up inference", card.Find(".mud-typography-overline").TextContent);
        Assert.Equal("412.0 ms", card.Find("#warmup-time").TextContent);
        Assert.Contains("mud-typography-h5", card.Find("#warmup-time").ClassList);
        Assert.Equal("First run of all three models", card.Find(".mud-typography-body2").TextContent.Trim());
        Assert.Single(card.FindAll("svg"));
    }
}
