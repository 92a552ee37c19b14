namespace Pilgi.Reading.Flow;

/// <summary>A scan ready for detection: the form chosen, its pages registered to it, and the crops one recognise call reads.</summary>
public sealed record PreparedScan<TPage>(string TemplateId, IReadOnlyList<TPage> Pages, int RecognitionBatchSize);
