using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Centurion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionListings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupervisionListings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IntervalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ListedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ListedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    LateReports = table.Column<int>(type: "INTEGER", nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DelistedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionListings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionListings_RectificationItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RectificationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionListings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionListingChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ListingId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionListingChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionListingChanges_SupervisionListings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "SupervisionListings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionListingChanges_ListingId",
                table: "SupervisionListingChanges",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionListings_ItemId",
                table: "SupervisionListings",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionListings_UnitId_State",
                table: "SupervisionListings",
                columns: new[] { "UnitId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionListingChanges");

            migrationBuilder.DropTable(
                name: "SupervisionListings");
        }
    }
}
