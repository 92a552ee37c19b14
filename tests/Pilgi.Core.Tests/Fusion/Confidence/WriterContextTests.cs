using Pilgi.Core.Fusion;
using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Fusion.Confidence;

/// <summary>The form's other fields as evidence: which fields count as a field's peers, and what a field alone gets.</summary>
public class WriterContextTests
{
    private static ConfidenceFeatures WithCharLogit(double charLogit) =>
        new(charLogit, 0, ConfidenceFeatures.MaxMargin, -0.1, 1, 0, 0, 1, 1, 0, 1, 0, 0);

    [Fact]
    public void A_field_is_weighed_against_the_other_fields_of_its_reader()
    {
        var fields = new (ConfidenceFeatures?, int)[]
        {
            (WithCharLogit(1), 0), (WithCharLogit(3), 0), (WithCharLogit(8), 0),
            (WithCharLogit(-2), 1), (WithCharLogit(4), 1),
        };

        var peers = WriterContext.WithPeers(fields).Select(e => e!.PeersCharLogit).ToList();

        Assert.Equal([5.5, 4.5, 2.0, 4.0, -2.0], peers);
    }

    [Fact]
    public void A_field_alone_in_its_group_is_its_own_peer_and_unread_fields_count_for_nothing()
    {
        var fields = new (ConfidenceFeatures?, int)[] { (WithCharLogit(2.5), 0), (null, 0), (WithCharLogit(-1), 1) };

        var peers = WriterContext.WithPeers(fields);

        Assert.Equal(2.5, peers[0]!.PeersCharLogit);
        Assert.Null(peers[1]);
        Assert.Equal(-1, peers[2]!.PeersCharLogit);
    }

    [Fact]
    public void The_other_features_are_kept()
    {
        var evidence = WithCharLogit(3) with { Agreement = 1, ReadersAgree = -1 };

        var peers = WriterContext.WithPeers([(evidence, 0), (WithCharLogit(5), 0)]);

        Assert.Equal(evidence with { PeersCharLogit = 5 }, peers[0]);
    }

    [Fact]
    public void A_line_read_alone_has_only_itself_as_context()
    {
        var field = FieldFusion.FuseLine(FieldKind.Phone, "010-1234-5678", 0.9);

        Assert.Equal(field.Evidence!.CharLogit, field.Evidence.PeersCharLogit, 12);
    }
}
