package app.pathary; public class Main { public static void main(String[] a){} }
