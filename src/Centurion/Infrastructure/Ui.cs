namespace Centurion.Infrastructure;

/// <summary>Interface words shared across features, and the names of the pages that link to one another (so a page links to
/// another feature's page without naming that feature). Feature-specific words live with the feature.</summary>
public static class Ui
{
    public static readonly Phrase AppName = new("百日行动指挥平台", "Centurion");
    public static readonly Phrase Tagline = new("专项行动指挥平台", "Command platform for police special campaigns");
    public static readonly Phrase Home = new("首页", "Home");
    public static readonly Phrase Units = new("单位", "Units");
    public static readonly Phrase Audit = new("审计日志", "Audit log");
    public static readonly Phrase Dashboard = new("态势总览", "Dashboard");
    public static readonly Phrase Bulletin = new("对外通稿", "Public bulletin");
    public static readonly Phrase Approvals = new("待审核", "Awaiting approval");
    public static readonly Phrase FileEncoding = new("文件编码", "File encoding");
    public static readonly Phrase Evaluation = new("考核评估", "Evaluation");
    public static readonly Phrase Completeness = new("报送情况", "Completeness");
    public static readonly Phrase ImportFigures = new("导入填报数据", "Import figures");
    public static readonly Phrase ApiDocs = new("接口文档", "API");
    public static readonly Phrase SignIn = new("登录", "Sign in");
    public static readonly Phrase SignOut = new("退出", "Sign out");
    public static readonly Phrase UserName = new("用户名", "User name");
    public static readonly Phrase Password = new("密码", "Password");
    public static readonly Phrase Save = new("保存", "Save");
    public static readonly Phrase Add = new("添加", "Add");
    public static readonly Phrase Filter = new("筛选", "Filter");
    public static readonly Phrase Export = new("导出 Excel", "Export to Excel");
    public static readonly Phrase Code = new("代码", "Code");
    public static readonly Phrase Name = new("名称", "Name");
    public static readonly Phrase NameZh = new("中文名称", "Chinese name");
    public static readonly Phrase NameEn = new("英文名称", "English name");
    public static readonly Phrase Level = new("层级", "Level");
    public static readonly Phrase Scope = new("管辖范围", "Scope");
    public static readonly Phrase Line = new("警种", "Line");
    public static readonly Phrase AllLines = new("全部警种", "All lines");
    public static readonly Phrase Roles = new("角色", "Roles");
    public static readonly Phrase From = new("起", "From");
    public static readonly Phrase To = new("止", "To");
    public static readonly Phrase User = new("用户", "User");
    public static readonly Phrase When = new("时间", "When");
    public static readonly Phrase Action = new("操作", "Action");
    public static readonly Phrase Record = new("对象", "Record");
    public static readonly Phrase Before = new("修改前", "Before");
    public static readonly Phrase After = new("修改后", "After");
    public static readonly Phrase NothingFound = new("没有符合条件的记录。", "Nothing matches.");
    public static readonly Phrase Denied = new("您没有访问此页面的权限。", "You do not have access to this page.");
    public static readonly Phrase NotFound = new("找不到该页面或记录，或不在您的管辖范围内。", "Not found, or outside your scope.");
    public static readonly Phrase Saved = new("已保存。", "Saved.");
}
