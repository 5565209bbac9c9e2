using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FacePortal.Core.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Galleries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "GalleryId",
                table: "People",
                type: "TEXT",
                nullable: false,
                // Every person already enrolled goes into Main (seeded below, before the foreign key).
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.CreateTable(
                name: "Galleries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Galleries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationKeyGalleries",
                columns: table => new
                {
                    ApplicationKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GalleryId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationKeyGalleries", x => new { x.ApplicationKeyId, x.GalleryId });
                    table.ForeignKey(
                        name: "FK_ApplicationKeyGalleries_ApplicationKeys_ApplicationKeyId",
                        column: x => x.ApplicationKeyId,
                        principalTable: "ApplicationKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationKeyGalleries_Galleries_GalleryId",
                        column: x => x.GalleryId,
                        principalTable: "Galleries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Galleries",
                columns: new[] { "Id", "CreatedAt", "Name" },
                values: new object[] { new Guid("00000000-0000-0000-0000-000000000001"), new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), "Main" });

            // Every existing application key keeps working on the people it saw before: Main's.
            migrationBuilder.Sql(
                "INSERT INTO \"ApplicationKeyGalleries\" (\"ApplicationKeyId\", \"GalleryId\") " +
                "SELECT \"Id\", '00000000-0000-0000-0000-000000000001' FROM \"ApplicationKeys\"");

            migrationBuilder.CreateIndex(
                name: "IX_People_GalleryId_Name",
                table: "People",
                columns: new[] { "GalleryId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationKeyGalleries_GalleryId",
                table: "ApplicationKeyGalleries",
                column: "GalleryId");

            migrationBuilder.CreateIndex(
                name: "IX_Galleries_Name",
                table: "Galleries",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_People_Galleries_GalleryId",
                table: "People",
                column: "GalleryId",
                principalTable: "Galleries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_People_Galleries_GalleryId",
                table: "People");

            migrationBuilder.DropTable(
                name: "ApplicationKeyGalleries");

            migrationBuilder.DropTable(
                name: "Galleries");

            migrationBuilder.DropIndex(
                name: "IX_People_GalleryId_Name",
                table: "People");

            migrationBuilder.DropColumn(
                name: "GalleryId",
                table: "People");
        }
    }
}
