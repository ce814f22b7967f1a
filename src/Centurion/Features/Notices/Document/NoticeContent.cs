namespace Centurion.Features.Notices.Document;

/// <summary>
/// What a 通报 says, in the order GB/T 9704-2012 prints it (docs: official-notice.md). <see cref="NoticeDocx"/> writes it as a
/// .docx and <c>NoticeView</c> as a web page; both take nothing else, so the two cannot drift apart.
/// </summary>
/// <param name="Mark">
/// The red issuing-authority mark (发文机关标志). Null prints <c>Authority + "文件"</c>: a numbered 通报 from the 公安厅 goes out
/// in the 文件 form of §7.2.4 (the authority's full name followed by 文件); a notice series with its own head, e.g.
/// "四川省公安厅督导通报", passes that instead.
/// </param>
public sealed record NoticeContent(
    string Authority,
    string Number,
    string Title,
    string Addressees,
    IReadOnlyList<NoticeBlock> Body,
    IReadOnlyList<NoticeAttachment> Attachments,
    string Signature,
    DateOnly Date,
    string? Note,
    string? CopyTo,
    string PrintedBy,
    DateOnly PrintedOn,
    string? Mark = null)
{
    public string MarkText => string.IsNullOrWhiteSpace(Mark) ? Authority + "文件" : Mark;
}

public abstract record NoticeBlock;

/// <summary>Level 1..4 (一、 / （一） / 1. / （1））; the text carries its own numbering.</summary>
public sealed record NoticeHeading(int Level, string Text) : NoticeBlock;

/// <summary>A body paragraph; <paramref name="Lead"/> is a heading run into it (红榜：, or （一）…。 in the level's font).</summary>
public sealed record NoticeParagraph(string Text, string? Lead = null) : NoticeBlock;

public sealed record NoticeTable(string? Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : NoticeBlock;

/// <summary>Printed as 附件1, 附件2 … each on a new page; the 附件说明 lists their titles.</summary>
public sealed record NoticeAttachment(string Title, IReadOnlyList<NoticeBlock> Blocks);
