using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;

namespace Ajanvaraus.Api.Notifications;

// A message's lastError: what an operator can act on, stored as its English key and answered in the caller's language
// (ProblemCatalogue.Notifications.cs). Never an exception's text: SMTP answers may quote the customer's address, and
// .NET's words ("see inner exception") help no one.
internal static class NotificationErrors
{
    public const string Unaddressed = "The customer gave neither an e-mail address nor a phone number.";
    public const string NoSmtp = "No mail server is configured (Notifications:Smtp:Host): the message waits until one is.";
    public const string NoSmsGateway = "No SMS gateway is configured (Notifications:Sms:Url): the message waits until one is.";
    public const string MailUnreachable = "The mail server could not be reached.";
    public const string MailTls = "A secure connection to the mail server could not be made.";
    public const string MailLogin = "The mail server did not accept the user name or password.";
    public const string MailRefused = "The mail server refused the message (SMTP {0}).";
    public const string MailProtocol = "The mail server answered something that is not SMTP.";
    public const string SmsUnreachable = "The SMS gateway could not be reached.";
    public const string SmsStatus = "The SMS gateway answered with HTTP {0}.";
    public const string Timeout = "The server did not answer in time.";
    public const string Link = "The manage link of the message could not be decrypted (a lost Data Protection key).";
    public const string Other = "The message could not be sent.";

    public static string NoSender(string channel) => channel == "sms" ? NoSmsGateway : NoSmtp;

    public static string Of(Exception ex, string channel) => ex switch
    {
        SmtpCommandException smtp => With(MailRefused, (int)smtp.StatusCode),
        System.Security.Authentication.AuthenticationException or MailKit.Security.SslHandshakeException => MailTls,
        MailKit.Security.AuthenticationException => MailLogin,
        SmtpProtocolException => MailProtocol,
        HttpRequestException { StatusCode: { } status } => With(SmsStatus, (int)status),
        HttpRequestException => SmsUnreachable,
        TimeoutException or OperationCanceledException => Timeout,
        CryptographicException => Link,
        SocketException or IOException or ServiceNotConnectedException => channel == "sms" ? SmsUnreachable : MailUnreachable,
        _ => Other,
    };

    private static string With(string message, int value) => string.Format(CultureInfo.InvariantCulture, message, value);
}
