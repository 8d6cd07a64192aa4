using System.Globalization;
using System.Text;

namespace Ajanvaraus.Api.Notifications;

// GSM 03.38, the alphabet of a 160-character SMS: the basic set counts one, its extension (€, [, ] ...) two.
internal static class Gsm7
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
        + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€";

    public const int SingleMessage = 160;

    // Two concatenated parts: each loses 7 characters to the header that joins them.
    public const int TwoParts = 306;

    public static int Length(string text) => text.Sum(ch => Extension.Contains(ch) ? 2 : 1);

    // A character outside the alphabet would switch the whole message to UCS-2 (70 characters): take its letter without
    // the accent (š -> s), or '?' when there is none.
    public static string ToGsm(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (Basic.Contains(ch) || Extension.Contains(ch))
            {
                builder.Append(ch);
                continue;
            }

            var bare = ch.ToString().Normalize(NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
            builder.Append(bare.Length == 1 && Basic.Contains(bare[0]) ? bare[0] : ch == '–' ? '-' : '?');
        }

        return builder.ToString();
    }
}
