// One server and one browser per test class; classes run side by side (two at a time on this two-core machine).
[assembly: Microsoft.VisualStudio.TestTools.UnitTesting.Parallelize(Workers = 2, Scope = Microsoft.VisualStudio.TestTools.UnitTesting.ExecutionScope.ClassLevel)]
