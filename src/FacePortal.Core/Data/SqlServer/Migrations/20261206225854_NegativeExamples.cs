using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FacePortal.Core.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class NegativeExamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NegativeExamples",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Embedding = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    CropHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    BoxLeft = table.Column<float>(type: "real", nullable: false),
                    BoxTop = table.Column<float>(type: "real", nullable: false),
                    BoxRight = table.Column<float>(type: "real", nullable: false),
                    BoxBottom = table.Column<float>(type: "real", nullable: false),
                    Source = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    MarkedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegativeExamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegativeExamples_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NegativeExamples_CropHash",
                table: "NegativeExamples",
                column: "CropHash");

            migrationBuilder.CreateIndex(
                name: "IX_NegativeExamples_PersonId",
                table: "NegativeExamples",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NegativeExamples");
        }
    }
}
