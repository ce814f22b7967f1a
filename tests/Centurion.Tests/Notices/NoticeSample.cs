using Centurion.Features.Notices.Document;

namespace Centurion.Tests.Notices;

/// <summary>A notice with every kind of block, two attachments and a table long enough to run over a page.</summary>
public static class NoticeSample
{
    public static readonly string[] Prefectures =
    [
        "成都市", "自贡市", "攀枝花市", "泸州市", "德阳市", "绵阳市", "广元市", "遂宁市", "内江市", "乐山市", "南充市",
        "眉山市", "宜宾市", "广安市", "达州市", "雅安市", "巴中市", "资阳市", "阿坝州", "甘孜州", "凉山州",
    ];

    public static NoticeContent Build(string requirement = "各地要在9月15日前完成逾期整改事项销号。")
    {
        var ranking = Prefectures.Select((p, i) => (IReadOnlyList<string>)[(i + 1).ToString(), p, (95.5 - i * 1.5).ToString("0.0"), (i + 1).ToString()]).ToList();
        var long1 = Enumerable.Range(0, 3).SelectMany(round => Prefectures.Select((p, i) =>
            (IReadOnlyList<string>)[(round * 21 + i + 1).ToString(), p + "公安局", $"第{round + 1}轮", (80 + (i * 7 + round * 3) % 20).ToString() + "%", i % 4 == 0 ? "整改台账未按期更新，逾期事项未说明原因" : "按期完成"])).ToList();
        return new NoticeContent(
            Authority: "四川省公安厅",
            Number: "川公通〔2022〕2号",
            Title: "四川省公安厅关于2022年8月全省夏季治安打击整治“百日行动”督导推进情况的通报",
            Addressees: "各市（州）公安局：",
            Body:
            [
                new NoticeParagraph("为深入推进全省夏季治安打击整治“百日行动”，按照省厅统一部署，省厅于8月对各地工作推进情况进行了督导。现将有关情况通报如下："),
                new NoticeHeading(1, "一、基本情况"),
                new NoticeParagraph("8月，全省共破获刑事案件12345起，同比上升12.5%；抓获犯罪嫌疑人6789人，同比上升3.2个百分点。"),
                new NoticeTable("表1　各市（州）推进情况排名", ["序号", "单位", "得分", "排名"], ranking.Take(8).ToList()),
                new NoticeHeading(2, "（一）红榜"),
                new NoticeParagraph("成都市、德阳市、绵阳市、乐山市、宜宾市工作推进有力，列入红榜。", Lead: "红榜："),
                new NoticeHeading(3, "1.成都市"),
                new NoticeParagraph("坚持每日调度，建立“一案一档”工作机制。"),
                new NoticeHeading(4, "（1）主要做法"),
                new NoticeParagraph("一是强化领导；二是压实责任；三是严格考核。"),
                new NoticeHeading(2, "（二）黑榜"),
                new NoticeParagraph("甘孜州、阿坝州、凉山州排名靠后，列入黑榜，予以通报批评。", Lead: "（二）黑榜。"),
                new NoticeHeading(1, "二、下步工作要求"),
                new NoticeParagraph(requirement, Lead: "1."),
                new NoticeParagraph("对连续两个月列入黑榜的单位，省厅将约谈其主要负责人。", Lead: "（1）"),
            ],
            Attachments:
            [
                new NoticeAttachment("各市（州）推进情况排名表", [new NoticeTable(null, ["序号", "单位", "得分", "排名"], ranking)]),
                new NoticeAttachment("督导发现问题整改情况", [new NoticeParagraph("各轮督导发现问题及整改情况如下。"), new NoticeTable("督导整改情况", ["序号", "单位", "轮次", "整改率", "存在问题"], long1)]),
            ],
            Signature: "四川省公安厅",
            Date: new DateOnly(2022, 9, 5),
            Note: "此件发至县级公安机关",
            CopyTo: "省纪委监委驻公安厅纪检监察组，各市（州）人民政府",
            PrintedBy: "四川省公安厅办公室",
            PrintedOn: new DateOnly(2022, 9, 5));
    }
}

/// <summary>Every text a notice prints, in the order it prints them: the document and the page must both show them so.</summary>
public static class NoticeTexts
{
    public static IEnumerable<string> InOrder(NoticeContent n)
    {
        yield return n.MarkText;
        yield return n.Number;
        yield return n.Title;
        yield return n.Addressees;
        foreach (var t in Blocks(n.Body)) yield return t;
        foreach (var a in n.Attachments) yield return NoticeLayout.AttachmentName(a.Title);
        yield return n.Signature;
        yield return NoticeLayout.DateText(n.Date);
        if (n.Note is not null) yield return "（" + n.Note + "）";
        for (int i = 0; i < n.Attachments.Count; i++)
        {
            yield return NoticeLayout.AttachmentLabel(i, n.Attachments.Count);
            yield return n.Attachments[i].Title;
            foreach (var t in Blocks(n.Attachments[i].Blocks)) yield return t;
        }
        if (n.CopyTo is not null) yield return "抄送：" + n.CopyTo + "。";
        yield return n.PrintedBy;
        yield return NoticeLayout.DateText(n.PrintedOn) + "印发";
    }

    private static IEnumerable<string> Blocks(IEnumerable<NoticeBlock> blocks)
    {
        foreach (var b in blocks)
            switch (b)
            {
                case NoticeHeading h: yield return h.Text; break;
                case NoticeParagraph p: yield return (p.Lead ?? "") + p.Text; break;
                case NoticeTable t:
                    if (t.Caption is not null) yield return t.Caption;
                    foreach (var c in t.Header) yield return c;
                    foreach (var c in t.Rows.SelectMany(r => r)) yield return c;
                    break;
            }
    }
}
