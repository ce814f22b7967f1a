using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Centurion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvaluationPublications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SchemeNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    AppealUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    SnapshotSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationPublications_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationPublishedScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ListReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPublishedScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationPublishedScores_EvaluationPublications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "EvaluationPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationPublishedPoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScoreId = table.Column<long>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceLabel = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: true),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPublishedPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationPublishedPoints_EvaluationPublishedScores_ScoreId",
                        column: x => x.ScoreId,
                        principalTable: "EvaluationPublishedScores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationAppeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PointId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    LodgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LodgedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationAppeals_EvaluationPublications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "EvaluationPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationAppeals_EvaluationPublishedPoints_PointId",
                        column: x => x.PointId,
                        principalTable: "EvaluationPublishedPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationAppeals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationAppealChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppealId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationAppealChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationAppealChanges_EvaluationAppeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "EvaluationAppeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationAppealEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppealId = table.Column<long>(type: "INTEGER", nullable: false),
                    EvidenceFileId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationAppealEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationAppealEvidence_EvaluationAppeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "EvaluationAppeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationAppealEvidence_EvidenceFiles_EvidenceFileId",
                        column: x => x.EvidenceFileId,
                        principalTable: "EvidenceFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppealId = table.Column<long>(type: "INTEGER", nullable: false),
                    PointId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PointsRestored = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    CorrectedScore = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationCorrections_EvaluationAppeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "EvaluationAppeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationCorrections_EvaluationPublications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "EvaluationPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationCorrections_EvaluationPublishedPoints_PointId",
                        column: x => x.PointId,
                        principalTable: "EvaluationPublishedPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAppealChanges_AppealId",
                table: "EvaluationAppealChanges",
                column: "AppealId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAppealEvidence_AppealId_EvidenceFileId",
                table: "EvaluationAppealEvidence",
                columns: new[] { "AppealId", "EvidenceFileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAppealEvidence_EvidenceFileId",
                table: "EvaluationAppealEvidence",
                column: "EvidenceFileId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAppeals_PointId_State",
                table: "EvaluationAppeals",
                columns: new[] { "PointId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAppeals_PublicationId_UnitId",
                table: "EvaluationAppeals",
                columns: new[] { "PublicationId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAppeals_UnitId",
                table: "EvaluationAppeals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCorrections_AppealId",
                table: "EvaluationCorrections",
                column: "AppealId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCorrections_PointId",
                table: "EvaluationCorrections",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCorrections_PublicationId_UnitCode",
                table: "EvaluationCorrections",
                columns: new[] { "PublicationId", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPublications_CampaignId_Month_SchemeNumber",
                table: "EvaluationPublications",
                columns: new[] { "CampaignId", "Month", "SchemeNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPublishedPoints_ScoreId_Order",
                table: "EvaluationPublishedPoints",
                columns: new[] { "ScoreId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPublishedScores_PublicationId_UnitCode",
                table: "EvaluationPublishedScores",
                columns: new[] { "PublicationId", "UnitCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationAppealChanges");

            migrationBuilder.DropTable(
                name: "EvaluationAppealEvidence");

            migrationBuilder.DropTable(
                name: "EvaluationCorrections");

            migrationBuilder.DropTable(
                name: "EvaluationAppeals");

            migrationBuilder.DropTable(
                name: "EvaluationPublishedPoints");

            migrationBuilder.DropTable(
                name: "EvaluationPublishedScores");

            migrationBuilder.DropTable(
                name: "EvaluationPublications");
        }
    }
}
