using System.ComponentModel.DataAnnotations;
using FacePortal.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FacePortal.Core.Tests.Configuration;

public sealed class ValidatedOptionsTests
{
    [Fact]
    public void Binds_the_section_and_serves_the_type_itself()
    {
        using var services = Provider(new() { ["Sample:Count"] = "7", ["Sample:Inner:Ratio"] = "0.25" });

        services.GetRequiredService<IStartupValidator>().Validate();
        var sample = services.GetRequiredService<SampleOptions>();
        Assert.Same(services.GetRequiredService<IOptions<SampleOptions>>().Value, sample);
        Assert.Equal(7, sample.Count);
        Assert.Equal(0.25, sample.Inner.Ratio);
        Assert.Equal("default", sample.Name);
    }

    [Fact]
    public void A_value_out_of_range_is_reported_with_its_full_key_and_value()
    {
        using var services = Provider(new() { ["Sample:Count"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(["Sample:Count must be between 1 and 10 (was 0)."], failure.Failures);
    }

    [Fact]
    public void Nested_settings_are_checked_under_their_own_key()
    {
        using var services = Provider(new() { ["Sample:Inner:Ratio"] = "2" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<SampleOptions>());
        Assert.Equal(["Sample:Inner:Ratio must be between 0 and 1 (was 2)."], failure.Failures);
    }

    [Fact]
    public void Every_rule_that_fails_is_listed()
    {
        using var services = Provider(new() { ["Sample:Name"] = " ", ["Sample:Count"] = "11", ["Sample:Low"] = "5", ["Sample:High"] = "3" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<SampleOptions>());
        Assert.Equal(
            [
                "Sample:Name must be set.",
                "Sample:Count must be between 1 and 10 (was 11).",
                "Sample:High must be above Low.",
            ],
            failure.Failures);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_a_validation_failure_naming_the_key()
    {
        using var services = Provider(new() { ["Sample:Count"] = "many" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("'Sample:Count'", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_enum_value_is_refused()
    {
        using var services = Provider(new() { ["Sample:Shape"] = "7" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<SampleOptions>());
        Assert.Equal(["Sample:Shape must be one of Round, Square (was 7)."], failure.Failures);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddValidatedOptions<SampleOptions>("Sample");
        return services.BuildServiceProvider();
    }

    public enum SampleShape
    {
        Round,
        Square,
    }

    public sealed class SampleOptions : IValidatableObject
    {
        [Required]
        public string Name { get; set; } = "default";

        [Range(1, 10)]
        public int Count { get; set; } = 3;

        [EnumDataType(typeof(SampleShape))]
        public SampleShape Shape { get; set; }

        public int Low { get; set; }

        public int High { get; set; } = 1;

        public InnerOptions Inner { get; init; } = new();

        /// <summary>Computed, so not a setting: never checked.</summary>
        public int Twice => throw new InvalidOperationException("A computed property was read.");

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (High <= Low)
            {
                yield return new ValidationResult("must be above Low.", [nameof(High)]);
            }
        }
    }

    public sealed record InnerOptions
    {
        [Range(0.0, 1.0)]
        public double Ratio { get; init; } = 0.5;
    }
}
