using System.Text;
using CoachFlow.Domain.Intake;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>A datalist of every IANA zone, so a zone field suggests as the person types.</summary>
public static class TimeZoneList
{
    private static readonly Lazy<string> Options = new(() =>
        string.Concat(IntakeRules.KnownTimeZoneIds.Order(StringComparer.Ordinal).Select(id => $"<option value=\"{Html.Encode(id)}\">")));

    public static StringBuilder AppendDatalist(StringBuilder builder, string id)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Append("<datalist id=\"").Append(id).Append("\">").Append(Options.Value).Append("</datalist>");
    }
}
