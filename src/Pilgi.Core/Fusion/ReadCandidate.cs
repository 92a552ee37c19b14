namespace Pilgi.Core.Fusion;

/// <summary>
/// One way of reading a line and the log-probability the recogniser gives it (higher is likelier). A line's candidates
/// let fusion prefer, among readings nearly as likely as the best, one that its field's kind accepts (an RRN whose
/// check digit holds, an amount that agrees with the amount in words).
/// </summary>
public sealed record ReadCandidate(string Text, double LogProbability);
