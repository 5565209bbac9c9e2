// The namespaces many of this project's files use, named once here (as eShop's projects do); a file names only the others.
global using FacePortal.Shared.Faces.Geometry;
global using FacePortal.Shared.Imaging;
global using FacePortal.Shared.Models;
global using Microsoft.ML.OnnxRuntime;
global using SkiaSharp;
global using System.Diagnostics;
global using System.Numerics;
global using System.Numerics.Tensors;
