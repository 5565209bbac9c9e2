namespace FacePortal.Web.Lab;

/// <summary>A person's colour in the lab, by their number: golden-angle hues keep neighbouring numbers far apart.</summary>
public static class PersonColours
{
    public static string Of(int person) =>
        string.Create(CultureInfo.InvariantCulture, $"hsl({Math.Round(person * 137.508 % 360)}, 65%, {(person % 2 == 1 ? 42 : 52)}%)");
}
