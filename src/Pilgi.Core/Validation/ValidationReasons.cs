namespace Pilgi.Core.Validation;

/// <summary>Stable reason codes for invalid field values (written into results; never rename).</summary>
public static class ValidationReasons
{
    public const string Empty = "empty";
    public const string RrnFormat = "rrn_format";
    public const string RrnChecksum = "rrn_checksum";
    public const string DateInvalid = "date_invalid";
    public const string PhoneFormat = "phone_format";
    public const string AccountFormat = "account_format";
    public const string AmountFormat = "amount_format";
    public const string AmountHangulFormat = "amount_hangul_format";
    public const string BankUnknown = "bank_unknown";
    public const string NameFormat = "name_format";
    public const string AmountMismatch = "amount_mismatch";
}
