using System.ComponentModel;
using System.Globalization;
using System.Xml;

namespace CoachFlow.Infrastructure.Configuration;

/// <summary>
/// Lets every TimeSpan setting be written either as .NET's <c>d.hh:mm:ss</c> or as an ISO 8601
/// duration (<c>P7D</c>, <c>PT90S</c>), the form azd and Bicep users meet elsewhere. Registered for
/// <see cref="TimeSpan"/> once, before configuration is bound; anything else is refused as before.
/// </summary>
public sealed class DurationConverter : TimeSpanConverter
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationConverter)));
        }
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text && text.TrimStart().StartsWith('P')
            ? XmlConvert.ToTimeSpan(text.Trim())
            : base.ConvertFrom(context, culture, value);
}
