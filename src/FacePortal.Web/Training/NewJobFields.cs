using FacePortal.Training.Heads;
using FacePortal.Training.Metric;
using FacePortal.Training.Transfer;

namespace FacePortal.Web.Training;

/// <summary>The fields of <see cref="NewJobForm"/>, starting from the training defaults.</summary>
public sealed class NewJobFields
{
    private static readonly HeadTrainingOptions Defaults = new();
    private static readonly MetricTrainingOptions MetricDefaults = new();
    private static readonly TrainingRequest RequestDefaults = new();

    public ModelKind Model { get; set; } = ModelKind.TransferHead;

    public int Epochs { get; set; } = Defaults.Epochs;

    public int BatchSize { get; set; } = Defaults.BatchSize;

    public OptimizerKind Optimizer { get; set; } = Defaults.Optimizer;

    public double LearningRate { get; set; } = Defaults.LearningRate;

    public int HiddenSize { get; set; } = Defaults.HiddenSize;

    public double Dropout { get; set; } = Defaults.Dropout;

    public int ValidationPercent { get; set; } = (int)Math.Round(RequestDefaults.ValidationFraction * 100);

    public int AugmentedCopies { get; set; } = RequestDefaults.AugmentedCopies;

    public int EarlyStoppingPatience { get; set; } = Defaults.EarlyStoppingPatience;

    public double LearningRateFactor { get; set; } = Defaults.LearningRateFactor;

    public int LearningRatePatience { get; set; } = Defaults.LearningRatePatience;

    public int Seed { get; set; } = Defaults.Seed;

    public bool Augment { get; set; } = RequestDefaults.Augment;

    public bool SyntheticMasks { get; set; } = RequestDefaults.SyntheticMasks;

    public double Margin { get; set; } = MetricDefaults.Margin;

    public int PeoplePerBatch { get; set; } = MetricDefaults.PeoplePerBatch;

    public int FacesPerPerson { get; set; } = MetricDefaults.FacesPerPerson;

    public int OutputSize { get; set; } = MetricDefaults.OutputSize;

    public int TestPeoplePercent { get; set; } = (int)Math.Round(MetricDefaults.TestPeopleFraction * 100);

    public TrainingRequest ToRequest(IEnumerable<Guid> people) => new()
    {
        PersonIds = people.ToList(),
        Model = Model,
        ValidationFraction = ValidationPercent / 100.0,
        AugmentedCopies = AugmentedCopies,
        Augment = Augment,
        SyntheticMasks = SyntheticMasks,
        Head = new HeadTrainingOptions
        {
            Epochs = Epochs,
            BatchSize = BatchSize,
            Optimizer = Optimizer,
            LearningRate = LearningRate,
            HiddenSize = HiddenSize,
            Dropout = Dropout,
            EarlyStoppingPatience = EarlyStoppingPatience,
            LearningRateFactor = LearningRateFactor,
            LearningRatePatience = LearningRatePatience,
            Seed = Seed,
        },
        Metric = MetricDefaults with
        {
            Margin = Margin,
            PeoplePerBatch = PeoplePerBatch,
            FacesPerPerson = FacesPerPerson,
            OutputSize = OutputSize,
            TestPeopleFraction = TestPeoplePercent / 100.0,
        },
    };
}
