namespace Pilgi.Core.Templates;

/// <summary>What a form field holds; decides its validation. JSON names are snake_case (see <see cref="FieldKinds"/>).</summary>
public enum FieldKind
{
    Text,
    Name,
    Rrn,
    Date,
    Phone,
    Account,
    Amount,
    AmountHangul,
    Bank,
    Address,
}
