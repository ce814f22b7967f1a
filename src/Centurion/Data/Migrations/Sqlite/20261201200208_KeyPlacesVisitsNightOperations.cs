using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Centurion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyPlacesVisitsNightOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeyPlaces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RegisteredUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyPlaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyPlaces_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NightOperations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlacesCovered = table.Column<int>(type: "INTEGER", nullable: false),
                    Police = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    SuspectsCaught = table.Column<int>(type: "INTEGER", nullable: false),
                    CasesOpened = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NightOperations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NightOperations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyPlaceStateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeyPlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyPlaceStateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyPlaceStateChanges_KeyPlaces_KeyPlaceId",
                        column: x => x.KeyPlaceId,
                        principalTable: "KeyPlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatrolVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyPlaceId = table.Column<long>(type: "INTEGER", nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Police = table.Column<int>(type: "INTEGER", nullable: false),
                    SocialForces = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatrolVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatrolVisits_KeyPlaces_KeyPlaceId",
                        column: x => x.KeyPlaceId,
                        principalTable: "KeyPlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PatrolVisits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeyPlaces_UnitId_State",
                table: "KeyPlaces",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyPlaceStateChanges_KeyPlaceId",
                table: "KeyPlaceStateChanges",
                column: "KeyPlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_NightOperations_UnitId_Date",
                table: "NightOperations",
                columns: new[] { "UnitId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PatrolVisits_KeyPlaceId",
                table: "PatrolVisits",
                column: "KeyPlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_PatrolVisits_UnitId_VisitedUtc",
                table: "PatrolVisits",
                columns: new[] { "UnitId", "VisitedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyPlaceStateChanges");

            migrationBuilder.DropTable(
                name: "NightOperations");

            migrationBuilder.DropTable(
                name: "PatrolVisits");

            migrationBuilder.DropTable(
                name: "KeyPlaces");
        }
    }
}
