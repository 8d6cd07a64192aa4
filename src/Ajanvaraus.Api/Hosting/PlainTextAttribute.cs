using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Hosting;

// The one check for texts people type: names hold no control characters at all (a tab or line break in a name
// breaks lists, calendar entries and SMS); notes and descriptions may hold line breaks, nothing else.
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class PlainTextAttribute(bool lineBreaks = false) : ValidationAttribute(lineBreaks ? NotesMessage : NameMessage)
{
    public const string NameMessage = "No control characters (such as line breaks or tabs).";
    public const string NotesMessage = "No control characters other than line breaks.";

    public bool LineBreaks { get; } = lineBreaks;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => IsPlain(text, LineBreaks),
        IEnumerable items => items.OfType<string>().All(text => IsPlain(text, LineBreaks)),
        _ => true,
    };

    internal static bool IsPlain(string text, bool lineBreaks) =>
        !text.Any(c => (char.IsControl(c) || c is '\u2028' or '\u2029') && !(lineBreaks && c is '\n' or '\r'));
}
